// The home greeting, from the stored profile.
// Values come raw (ISO dates, integer đồng, message ids) and are formatted here for the
// reader's language, from the same formats Python uses (locales/formats.py, labels.py).
import { useT } from "../i18n.js";
import { useDocs } from "./shared.jsx";

/** The greeting on the home screen, from the stored profile (works offline). */
export function Greeting() {
  const t = useT();
  const state = useDocs("profile");
  const p = state.items.length ? state.items[0].doc : null;
  return (
    <section className="panel greeting">
      <p className="hello">{t("Hello,")}</p>
      <p className="hello-name">{p ? p.full_name : ""}</p>
      <p className="hint">{p ? t("Social-insurance code {code}", { code: p.code }) : ""}</p>
    </section>
  );
}

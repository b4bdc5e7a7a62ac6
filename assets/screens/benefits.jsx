// Benefits received and pension-adjustment slips.
// Values come raw (ISO dates, integer đồng, message ids) and are formatted here for the
// reader's language, from the same formats Python uses (locales/formats.py, labels.py).
import {
  formatDay as day, formatMoney as money, formatMonth as month, label, useLang, useT,
} from "../i18n.js";
import { useDocs, Waiting } from "./shared.jsx";

export function BenefitsScreen() {
  const t = useT();
  const lang = useLang();
  const state = useDocs("benefit");
  const items = state.items.map((i) => i.doc).sort((a, b) => (a.from < b.from ? 1 : -1));
  const slips = items.flatMap((b) => b.adjustments || []);
  const period = (b) => (b.to ? `${day(b.from, lang)} – ${day(b.to, lang)}`
    : b.kind === "pension" ? t("since {day}", { day: month(b.from, lang) }) : day(b.from, lang));
  return (
    <>
      <section className="panel">
        <h2 className="section-title">{t("Benefits received")}</h2>
        {!state.ready || state.locked ? <Waiting state={state} />
          : !items.length ? <p>{t("No benefits recorded yet.")}</p> : (
            <ul className="list" id="benefit-list">
              {items.map((b) => (
                <li className="item" key={`${b.kind}${b.from}`}>
                  <div className="row-between"><strong>{t(label("benefits", b.kind))}</strong>
                    <span className={b.status === "paid" ? "badge badge-ok" : "badge badge-info"}>{t(label("benefit_status", b.status))}</span></div>
                  <p className="muted">{period(b)}</p>
                  <p><span className="money">{money(b.amount, lang)}</span> {b.kind === "pension" ? t("per month") : ""}</p>
                </li>
              ))}
            </ul>
          )}
      </section>
      {slips.length ? (
        <section className="panel">
          <h2 className="section-title">{t("Pension-adjustment slips")}</h2>
          <ul className="list">
            {slips.map((s) => (
              <li className="item" key={s.effective}>
                <div className="row-between"><strong>{day(s.effective, lang)}</strong><span className="badge">{`+${s.percent}%`}</span></div>
                <p>{money(s.old, lang)} → <span className="money">{money(s.new, lang)}</span></p>
                <p className="small muted">{s.decree}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

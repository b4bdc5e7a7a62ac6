// Participation history per scheme: periods, employers, salary basis, arrears, timeline.
// Values come raw (ISO dates, integer đồng, message ids) and are formatted here for the
// reader's language, from the same formats Python uses (locales/formats.py, labels.py).
import { useState } from "react";
import {
  formatMoney as money, formatMonth as month, label, labelCodes, useLang, useT, useTn,
} from "../i18n.js";
import { duration, monthsBetween, thisMonth, useDocs, Waiting } from "./shared.jsx";

export function HistoryScreen() {
  const t = useT();
  const tn = useTn();
  const lang = useLang();
  const state = useDocs("participation");
  const [scheme, setScheme] = useState("BHXH");
  if (!state.items.length) {
    return <section className="panel">{state.ready && !state.locked
      ? <p>{t("No contributions recorded for this scheme.")}</p> : <Waiting state={state} />}</section>;
  }
  const now = thisMonth();
  const rows = state.items.map((i) => i.doc).filter((d) => d.scheme === scheme)
    .sort((a, b) => (a.from < b.from ? 1 : -1));
  const length = (d) => monthsBetween(d.from, d.to || now);
  const paid = rows.reduce((n, d) => n + length(d) - d.unpaid, 0);
  const unpaid = rows.reduce((n, d) => n + d.unpaid, 0);
  const byEmployer = {};
  rows.forEach((d) => {
    const name = d.employer || t("Voluntary");
    byEmployer[name] = (byEmployer[name] || 0) + length(d);
  });
  const first = rows.length ? rows[rows.length - 1].from : now;
  const span = monthsBetween(first, now);
  return (
    <>
      <div className="tabs tabs-4" role="tablist">
        {labelCodes("schemes").map((code) => (
          <button key={code} type="button" role="tab" title={t(label("schemes", code))} aria-selected={scheme === code}
            className={scheme === code ? "tab active" : "tab"} onClick={() => setScheme(code)}>{code}</button>
        ))}
      </div>
      <section className="panel">
        <h2 className="section-title">{t(label("schemes", scheme))}</h2>
        <p className="muted">{t("Total time contributed")}</p>
        <p className="big-number" id="total-months">{duration(paid, tn, lang)}</p>
        {unpaid ? <p className="alert alert-warn" role="status">{tn("{n} month declared by the employer but not yet paid", "{n} months declared by the employer but not yet paid", unpaid, { n: unpaid })}</p> : null}
        {rows.length ? (
          <div>
            <div className="timeline" role="img" aria-label={t("Timeline of contribution periods")}>
              {rows.map((d) => (
                <span key={d.from} className={d.unpaid ? "seg seg-unpaid" : "seg"} style={{
                  left: `${(100 * (monthsBetween(first, d.from) - 1)) / span}%`,
                  width: `${Math.max((100 * length(d)) / span, 0.6)}%`,
                }} />
              ))}
            </div>
            <div className="row-between small muted"><span>{first.slice(0, 4)}</span><span>{t("now")}</span></div>
          </div>
        ) : <p>{t("No contributions recorded for this scheme.")}</p>}
      </section>
      <section className="panel">
        <h2 className="section-title">{t("Periods")}</h2>
        <ul className="list">
          {rows.map((d) => (
            <li className="item" key={`${d.from}`}>
              <div className="row-between">
                <strong>{month(d.from, lang)} – {d.to ? month(d.to, lang) : t("now")}</strong>
                <span>{duration(length(d), tn, lang)}</span>
              </div>
              <p className="muted">{d.employer || t("Voluntary")}</p>
              <p className="small">{t("Salary basis {salary} · contribution {amount}/month",
                { salary: money(d.salary, lang), amount: money(d.contribution, lang) })}</p>
              {d.unpaid ? <p className="badge badge-warn">{tn("{n} month unpaid", "{n} months unpaid", d.unpaid, { n: d.unpaid })}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2 className="section-title">{t("By employer")}</h2>
        <ul className="list">
          {Object.entries(byEmployer).sort((a, b) => b[1] - a[1]).map(([name, count]) => (
            <li className="item row-between" key={name}><span>{name}</span><strong>{duration(count, tn, lang)}</strong></li>
          ))}
        </ul>
      </section>
    </>
  );
}

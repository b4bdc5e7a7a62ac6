// Medical history: insured visits, their costs and papers.
// Values come raw (ISO dates, integer đồng, message ids) and are formatted here for the
// reader's language, from the same formats Python uses (locales/formats.py, labels.py).
import { formatDay as day, formatMoney as money, label, useLang, useT, useTn } from "../i18n.js";
import { Field, useDocs, Waiting } from "./shared.jsx";

export function MedicalScreen() {
  const t = useT();
  const tn = useTn();
  const lang = useLang();
  const state = useDocs("visit");
  const visits = state.items.map((i) => i.doc).sort((a, b) => (a.admitted < b.admitted ? 1 : -1));
  const total = visits.reduce((n, v) => n + v.total, 0);
  const covered = visits.reduce((n, v) => n + v.insurance, 0);
  const dates = (v) => (v.discharged !== v.admitted
    ? `${day(v.admitted, lang)} – ${day(v.discharged, lang)}` : day(v.admitted, lang));
  return (
    <>
      <section className="panel">
        <h2 className="section-title">{t("Insured visits")}</h2>
        <dl className="fields">
          <Field label={t("Visits")} value={String(visits.length)} id="visit-count" />
          <Field label={t("Total cost")} value={money(total, lang)} />
          <Field label={t("Paid by insurance")} value={money(covered, lang)} />
          <Field label={t("Paid by you")} value={money(total - covered, lang)} />
        </dl>
      </section>
      <section className="panel">
        <h2 className="section-title">{t("Visits and papers")}</h2>
        {!state.ready || state.locked ? <Waiting state={state} />
          : !visits.length ? <p>{t("No insured visits recorded.")}</p> : (
            <ul className="list">
              {visits.map((v) => (
                <li className="item" key={`${v.admitted}${v.facility}`}>
                  <div className="row-between"><strong>{dates(v)}</strong>
                    <span className="badge">{v.inpatient ? t("Inpatient") : t("Outpatient")}</span></div>
                  <p>{v.facility}</p>
                  <p className="muted">{v.icd10} · {v.diagnosis}</p>
                  <dl className="costs">
                    <div className="cost"><dt>{t("Total cost")}</dt><dd>{money(v.total, lang)}</dd></div>
                    <div className="cost"><dt>{t("Paid by insurance")}</dt><dd>{money(v.insurance, lang)}</dd></div>
                    <div className="cost"><dt>{t("Paid by you")}</dt><dd>{money(v.patient, lang)}</dd></div>
                  </dl>
                  {(v.documents || []).map((d) => (
                    <p className="doc" key={d.number}>{t(label("documents", d.kind))} {d.number} · {day(d.issued, lang)} {d.days ? tn("{n} day", "{n} days", d.days, { n: d.days }) : ""}</p>
                  ))}
                </li>
              ))}
            </ul>
          )}
      </section>
    </>
  );
}

// Medical history: insured visits, their costs and papers, and the visits a clinic checked in
// at the desk whose costs are not known yet (sync "checkin" documents, newest first with the
// rest).
// Values come raw (ISO dates, integer đồng, message ids) and are formatted here for the
// reader's language, from the same formats Python uses (locales/formats.py, labels.py).
import {
  formatDay as day, formatMoment as moment, formatMoney as money, label, useLang, useT, useTn,
} from "../i18n.js";
import { Field, useDocs, Waiting } from "./shared.jsx";

// A visit's day is a date in Vietnam; a check-in is an instant (UTC). Both become times.
const VN = "T00:00:00+07:00";
const when = (entry) => {
  const ms = Date.parse(entry.kind === "visit" ? `${entry.doc.admitted}${VN}` : entry.doc.at);
  return Number.isNaN(ms) ? 0 : ms;
};

function Visit({ v, t, tn, lang }) {
  const dates = v.discharged !== v.admitted
    ? `${day(v.admitted, lang)} – ${day(v.discharged, lang)}` : day(v.admitted, lang);
  return (
    <li className="item">
      <div className="row-between"><strong>{dates}</strong>
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
  );
}

/** A visit a clinic checked in at the desk: no costs yet. */
function CheckIn({ id, c, t, lang }) {
  const pending = !c.status || c.status === "pending_costs";
  return (
    <li className="item checkin" data-id={id}>
      <div className="row-between"><strong><time dateTime={c.at}>{moment(c.at, lang)}</time></strong>
        {pending ? <span className="badge badge-warn">{t("Checked in, costs pending")}</span> : null}</div>
      <p>{c.facility}{c.facility_code ? ` (${c.facility_code})` : ""}</p>
      <p className="muted">{t(label("visit_reasons", c.reason))}</p>
      {c.checked_offline ? <p className="small">{t("Card checked without network")}</p> : null}
    </li>
  );
}

export function MedicalScreen() {
  const t = useT();
  const tn = useTn();
  const lang = useLang();
  const state = useDocs("visit");
  const checkins = useDocs("checkin");
  const visits = state.items.map((i) => i.doc);
  const total = visits.reduce((n, v) => n + v.total, 0);
  const covered = visits.reduce((n, v) => n + v.insurance, 0);
  const entries = [
    ...state.items.map((i) => ({ kind: "visit", id: i.id, doc: i.doc })),
    ...checkins.items.map((i) => ({ kind: "checkin", id: i.id, doc: i.doc })),
  ].sort((a, b) => when(b) - when(a));
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
        {checkins.items.length ? (
          <p className="hint" id="checkin-count">{tn("{n} visit checked in, costs not known yet",
            "{n} visits checked in, costs not known yet", checkins.items.length,
            { n: checkins.items.length })}</p>) : null}
      </section>
      <section className="panel">
        <h2 className="section-title">{t("Visits and papers")}</h2>
        {!state.ready || state.locked ? <Waiting state={state} />
          : !entries.length ? <p>{t("No insured visits recorded.")}</p> : (
            <ul className="list" id="visit-list">
              {entries.map((e) => (e.kind === "visit"
                ? <Visit key={`v${e.id}`} v={e.doc} t={t} tn={tn} lang={lang} />
                : <CheckIn key={`c${e.id}`} id={e.id} c={e.doc} t={t} lang={lang} />))}
            </ul>
          )}
      </section>
    </>
  );
}

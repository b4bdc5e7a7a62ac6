// The screens that must work with no network: card, participation history, benefits,
// medical history, notices and service-request drafts. They read the encrypted store that
// the sync loop fills (sync/browser), never the Reflex websocket, so they render the same
// online and offline. Values come raw (ISO dates, integer đồng, message ids) and are
// formatted here for the reader's language.
import { useEffect, useState } from "react";
import { useLang, useT } from "./i18n.js";
import { QrCheck } from "./qr_check.jsx";
import * as engine from "./sync/engine.js";
import * as store from "./sync/store.js";
import { unlock } from "./sync/unlock.js";

// Marks a message id for extraction (pybabel -k N_); translated where it is shown.
const N_ = (msgid) => msgid;

// ---- formatting ------------------------------------------------------------------------
const LOCALES = { vi: "vi-VN", en: "en-US", zh: "zh-CN", ja: "ja-JP", ko: "ko-KR" };
const TIME_ZONE = "Asia/Ho_Chi_Minh";
const locale = (lang) => LOCALES[lang] || "vi-VN";

// Intl formatters are costly to build and a history screen formats hundreds of values.
const formatters = new Map();
function formatter(kind, lang, make) {
  const id = `${kind}:${lang}`;
  if (!formatters.has(id)) formatters.set(id, make(locale(lang)));
  return formatters.get(id);
}

export function money(amount, lang) {
  return formatter("money", lang,
    (tag) => new Intl.NumberFormat(tag, { style: "currency", currency: "VND" }))
    .format(amount || 0);
}

function parts(iso) {
  const [y, m, d] = String(iso).slice(0, 10).split("-");
  return { y, m, d };
}

export function day(iso, lang) {
  if (!iso) return "";
  const { y, m, d } = parts(iso);
  if (lang === "vi") return `${d}/${m}/${y}`;
  if (lang === "en") return `${m}/${d}/${y}`;
  if (lang === "ko") return `${y}. ${m}. ${d}.`;
  return `${y}/${m}/${d}`;
}

export function month(iso, lang) {
  if (!iso) return "";
  const { y, m } = parts(iso);
  if (lang === "vi") return `${m}/${y}`;
  return formatter("month", lang,
    (tag) => new Intl.DateTimeFormat(tag, { year: "numeric", month: "short", timeZone: "UTC" }))
    .format(new Date(Date.UTC(Number(y), Number(m) - 1, 1)));
}

export function moment(iso, lang) {
  if (!iso) return "";
  return formatter("moment", lang, (tag) => new Intl.DateTimeFormat(tag, {
    dateStyle: "short", timeStyle: "short", timeZone: TIME_ZONE,
  })).format(new Date(iso));
}

function monthsBetween(from, to) {
  const a = parts(from);
  const b = parts(to);
  return (Number(b.y) - Number(a.y)) * 12 + Number(b.m) - Number(a.m) + 1;
}

const thisMonth = () => new Date().toISOString().slice(0, 7) + "-01";

export function duration(count, t, lang) {
  const years = Math.floor(count / 12);
  const months = count % 12;
  const out = [];
  if (years) out.push(t(years === 1 ? "{n} yr" : "{n} yrs", { n: years }));
  if (months || !years) out.push(t("{n} mo", { n: months }));
  // As locales.format_months: Chinese and Japanese write "12年3个月" with no space.
  return out.join(lang === "zh" || lang === "ja" ? "" : " ");
}

// ---- data --------------------------------------------------------------------------------
/** Documents of one type from the store, kept fresh as sync brings changes. */
export function useDocs(type) {
  const [state, setState] = useState({ ready: false, items: [], locked: false });
  useEffect(() => {
    let live = true;
    const load = () => store.docs(type)
      .then((items) => live && setState({ ready: true, items, locked: false }))
      .catch(() => store.locked().then((isLocked) => live && setState(
        { ready: true, items: [], locked: isLocked })));
    let seen = store.revision();
    load();
    engine.start();
    // Re-read (and decrypt) only when the records changed, not on every sync status.
    const stop = engine.subscribe(() => {
      if (store.revision() === seen) return;
      seen = store.revision();
      load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [type]);
  return state;
}

function useStatus() {
  const [status, setStatus] = useState(engine.currentStatus());
  useEffect(() => {
    setStatus(engine.currentStatus());
    return engine.subscribe(setStatus);
  }, []);
  return status;
}

/** Runs the sync loop on every page of a logged-in person. */
export function SyncAgent() {
  useEffect(() => {
    engine.start();
  }, []);
  return null;
}

/** "Offline - last updated …": calm, only when the phone cannot reach the server. */
export function OfflineBanner() {
  const t = useT();
  const lang = useLang();
  const status = useStatus();
  const [online, setOnline] = useState(true);
  useEffect(() => {
    setOnline(navigator.onLine);
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);
  if (online && status.state !== "offline") return null;
  return (
    <div className="offline-banner" role="status" id="offline-banner">
      {status.lastSync
        ? t("Offline – last updated {time}", { time: moment(status.lastSync, lang) })
        : t("Offline – nothing saved on this phone yet")}
    </div>
  );
}

/** The records are locked to the passkey: one tap (and the phone's biometric) opens them. */
function Unlock() {
  const t = useT();
  const [state, setState] = useState({ busy: false, message: "" });
  const run = async () => {
    setState({ busy: true, message: "" });
    try {
      const opened = await unlock();
      setState({ busy: false, message: opened ? ""
        : t("This passkey does not open the records on this phone. Use the passkey you logged in with.") });
      if (opened) engine.syncNow();
    } catch (e) {
      setState({ busy: false, message: e && e.name === "NotAllowedError"
        ? t("The passkey request was cancelled.")
        : t("The passkey could not be checked. Try again.") });
    }
  };
  return (
    <div className="unlock" id="unlock">
      <p className="hint">{t("Your records on this phone are locked with your passkey.")}</p>
      <button type="button" className="btn btn-primary" onClick={run} disabled={state.busy}
        id="unlock-records">{t("Unlock with passkey")}</button>
      {state.message ? <p className="alert alert-error" role="alert">{state.message}</p> : null}
    </div>
  );
}

function Waiting({ state }) {
  const t = useT();
  if (state.locked) return <Unlock />;
  return <p className="hint" role="status">{t("Loading your records…")}</p>;
}

// ---- card --------------------------------------------------------------------------------
const SEX = { M: "Male", F: "Female" };

function cardStatus(card, t, lang) {
  const today = new Date().toISOString().slice(0, 10);
  const days = Math.round((Date.parse(card.valid_to) - Date.parse(today)) / 86400000);
  if (days < 0) return ["badge badge-warn", t("Expired on {day}. Renew your card.", { day: day(card.valid_to, lang) })];
  if (days <= 30) return ["badge badge-warn", t("Expires in {days} days. Renew it soon.", { days })];
  return ["badge badge-ok", t("Valid")];
}

function Field({ label, value, id }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd id={id}>{value}</dd>
    </div>
  );
}

export function CardScreen() {
  const t = useT();
  const lang = useLang();
  const state = useDocs("card");
  const [view, setView] = useState("use");
  useEffect(() => {
    if (window.location.search.includes("view=image")) setView("image");
  }, []);
  const card = state.items.length ? state.items[0].doc : null;
  const tab = (name, label) => (
    <button type="button" role="tab" aria-selected={view === name}
      className={view === name ? "tab active" : "tab"} onClick={() => setView(name)}>{label}</button>
  );
  return (
    <>
      <div className="tabs" role="tablist">{tab("use", t("Use card"))}{tab("image", t("Card image"))}</div>
      {!card ? <section className="panel"><Waiting state={state} /></section>
        : view === "image" ? (
          <section className="panel card-img" role="tabpanel">
            <img src={card.image} alt={t("Picture of the front of the card")} className="card-image" id="card-image" />
            <div className="row-gap">
              <a className="btn btn-primary" href={card.image} download={`the-bhyt-${card.number}.png`}>{t("Download (PNG)")}</a>
              <button type="button" className="btn" onClick={() => window.print()}>{t("Print")}</button>
            </div>
            <p className="hint">{t("A printed copy carries the same signed QR code and works as a paper fallback.")}</p>
          </section>
        ) : (
          <section className="panel card-use" role="tabpanel">
            <div className="card-head">
              {card.photo
                ? <img src={card.photo} alt={t("Photo of the card holder")} className="photo" width="96" height="128" />
                : <div className="photo" role="img" aria-label={t("Photo of the card holder")} />}
              <div>
                <p className="holder">{card.full_name}</p>
                <p className="card-number" id="card-number">{card.number}</p>
                <p className={cardStatus(card, t, lang)[0]}>{cardStatus(card, t, lang)[1]}</p>
                <button type="button" className="btn btn-small"
                  onClick={() => navigator.clipboard && navigator.clipboard.writeText(card.number)}>{t("Copy number")}</button>
              </div>
            </div>
            <figure className="qr-box">
              <img src={card.qr_svg} alt={t("Health insurance card QR code")} className="qr" id="card-qr" width="280" height="280"
                elementtiming="card-qr" />
              <figcaption>{t("Show this code at the clinic. It is signed and can be checked without network.")}</figcaption>
              <QrCheck text={card.qr_text} />
            </figure>
            <dl className="fields">
              <Field label={t("Date of birth")} value={day(card.dob, lang)} />
              <Field label={t("Sex")} value={t(SEX[card.sex] || card.sex)} />
              <Field label={t("Beneficiary group")} value={`${card.group_code} · ${t(card.group_label)}`} />
              <Field label={t("Benefit level")} value={`${card.level}%`} />
              <Field label={t("Primary-care facility")} value={card.facility} />
              <Field label={t("Valid from")} value={day(card.valid_from, lang)} />
              <Field label={t("Valid to")} value={day(card.valid_to, lang)} id="valid-to" />
              {card.five_years ? <Field label={t("Five consecutive years from")} value={day(card.five_years, lang)} /> : null}
              <Field label={t("Old card number")} value={card.legacy_number} />
              <Field label={t("Issued by")} value={card.agency} />
            </dl>
          </section>
        )}
    </>
  );
}

// ---- participation ------------------------------------------------------------------------
const SCHEMES = [
  ["BHXH", "Social insurance (BHXH)"],
  ["BHTN", "Unemployment insurance (BHTN)"],
  ["BHTNLD", "Occupational accident and disease insurance (BHTNLĐ-BNN)"],
  ["BHYT", "Health insurance (BHYT)"],
];

export function HistoryScreen() {
  const t = useT();
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
  const label = SCHEMES.find(([code]) => code === scheme)[1];
  return (
    <>
      <div className="tabs tabs-4" role="tablist">
        {SCHEMES.map(([code, name]) => (
          <button key={code} type="button" role="tab" title={t(name)} aria-selected={scheme === code}
            className={scheme === code ? "tab active" : "tab"} onClick={() => setScheme(code)}>{code}</button>
        ))}
      </div>
      <section className="panel">
        <h2 className="section-title">{t(label)}</h2>
        <p className="muted">{t("Total time contributed")}</p>
        <p className="big-number" id="total-months">{duration(paid, t, lang)}</p>
        {unpaid ? <p className="alert alert-warn" role="status">{t("{n} months declared by the employer but not yet paid", { n: unpaid })}</p> : null}
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
                <span>{duration(length(d), t, lang)}</span>
              </div>
              <p className="muted">{d.employer || t("Voluntary")}</p>
              <p className="small">{t("Salary basis {salary} · contribution {amount}/month",
                { salary: money(d.salary, lang), amount: money(d.contribution, lang) })}</p>
              {d.unpaid ? <p className="badge badge-warn">{t("{n} months unpaid", { n: d.unpaid })}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2 className="section-title">{t("By employer")}</h2>
        <ul className="list">
          {Object.entries(byEmployer).sort((a, b) => b[1] - a[1]).map(([name, count]) => (
            <li className="item row-between" key={name}><span>{name}</span><strong>{duration(count, t, lang)}</strong></li>
          ))}
        </ul>
      </section>
    </>
  );
}

// ---- benefits -------------------------------------------------------------------------------
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
                  <div className="row-between"><strong>{t(b.label)}</strong>
                    <span className={b.status === "paid" ? "badge badge-ok" : "badge badge-info"}>{t(b.status_label)}</span></div>
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

// ---- medical history ------------------------------------------------------------------------
export function MedicalScreen() {
  const t = useT();
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
                    <p className="doc" key={d.number}>{t(d.label)} {d.number} · {day(d.issued, lang)} {d.days ? t("{n} days", { n: d.days }) : ""}</p>
                  ))}
                </li>
              ))}
            </ul>
          )}
      </section>
    </>
  );
}

// ---- notices -------------------------------------------------------------------------------
const NOTICES = {
  card_expiring: "Your health-insurance card expires on {day}. Renew it in time.",
  contribution_due: "Your voluntary contribution for {month} is due.",
  new_visit: "A new insured visit was recorded: {facility}, {amount}.",
  pension_adjusted: "Your pension was adjusted from {day}.",
};

function noticeText(n, t, lang) {
  const p = { ...n.params };
  if (p.day) p.day = day(p.day, lang);
  if (p.month) p.month = month(`${p.month}-01`.slice(0, 10), lang);
  if (p.amount !== undefined) p.amount = money(p.amount, lang);
  return t(NOTICES[n.kind] || n.kind, p);
}

export function NoticesScreen() {
  const t = useT();
  const lang = useLang();
  const state = useDocs("notice");
  const items = state.items.sort((a, b) => (a.doc.created < b.doc.created ? 1 : -1));
  const markRead = (item) => engine.queue("notice.read", { notice_id: Number(item.id) },
    () => store.putDoc("notice", item.id, { ...item.doc, read: true }));
  return (
    <section className="panel">
      <h2 className="section-title">{t("Notices")}</h2>
      {!state.ready || state.locked ? <Waiting state={state} />
        : !items.length ? <p>{t("No notices.")}</p> : (
          <ul className="list" id="notice-list">
            {items.map((item) => (
              <li className={item.doc.read ? "item notice read" : "item notice"} key={item.id}>
                <p className="small muted">{moment(item.doc.created, lang)}</p>
                <p>{noticeText(item.doc, t, lang)}</p>
                {item.doc.read ? <span className="badge">{t("Read")}</span>
                  : <button type="button" className="btn btn-small" onClick={() => markRead(item)}>{t("Mark as read")}</button>}
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}

// ---- service-request drafts ----------------------------------------------------------------
const REQUESTS = [
  ["reissue_card", N_("Re-issue my health-insurance card")],
  ["reissue_book", N_("Re-issue my social-insurance book")],
  ["pension_payment", N_("Change where my pension is paid")],
  ["authorise", N_("Authorise someone to collect my benefits")],
  ["other", N_("Other request")],
];

export function RequestsScreen() {
  const t = useT();
  const lang = useLang();
  const state = useDocs("draft");
  const [editing, setEditing] = useState({ id: "", kind: "reissue_card", text: "" });
  const [saved, setSaved] = useState("");
  const save = async (event) => {
    event.preventDefault();
    const id = editing.id || crypto.randomUUID();
    const doc = { kind: editing.kind, text: editing.text, updated: new Date().toISOString() };
    await engine.queue("draft.save", { draft_id: id, ...doc }, () => store.putDoc("draft", id, doc));
    setEditing({ id: "", kind: "reissue_card", text: "" });
    setSaved(t("Draft saved on this phone. It is sent when you are online."));
  };
  const remove = (id) => engine.queue("draft.delete", { draft_id: id }, () => store.deleteDoc("draft", id));
  const drafts = state.items.sort((a, b) => (a.doc.updated < b.doc.updated ? 1 : -1));
  return (
    <>
      <form className="panel form" onSubmit={save} id="draft-form">
        <h2 className="section-title">{t("New service request")}</h2>
        <label className="label" htmlFor="draft-kind">{t("What do you need?")}</label>
        <select id="draft-kind" className="input" value={editing.kind}
          onChange={(e) => setEditing({ ...editing, kind: e.target.value })}>
          {REQUESTS.map(([kind, label]) => <option key={kind} value={kind}>{t(label)}</option>)}
        </select>
        <label className="label" htmlFor="draft-text">{t("Details")}</label>
        <textarea id="draft-text" className="input" rows="4" required value={editing.text}
          onChange={(e) => setEditing({ ...editing, text: e.target.value })} />
        <button type="submit" className="btn btn-primary">{t("Save draft")}</button>
        {saved ? <p className="alert alert-ok" role="status">{saved}</p> : null}
      </form>
      <section className="panel">
        <h2 className="section-title">{t("Drafts")}</h2>
        {!drafts.length ? <p>{t("No drafts.")}</p> : (
          <ul className="list" id="draft-list">
            {drafts.map((d) => (
              <li className="item" key={d.id}>
                <div className="row-between"><strong>{t((REQUESTS.find(([k]) => k === d.doc.kind) || ["", d.doc.kind])[1])}</strong>
                  <span className="small muted">{moment(d.doc.updated, lang)}</span></div>
                <p>{d.doc.text}</p>
                <div className="row-gap">
                  <button type="button" className="btn btn-small" onClick={() => setEditing({ id: d.id, kind: d.doc.kind, text: d.doc.text })}>{t("Edit")}</button>
                  <button type="button" className="btn btn-small" onClick={() => remove(d.id)}>{t("Delete")}</button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

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

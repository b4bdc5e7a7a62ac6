// The screens that must work with no network: card, participation history, benefits,
// medical history, notices and service-request drafts. They read the encrypted store that
// the sync loop fills (sync/browser), never the Reflex websocket, so they render the same
// online and offline. Values come raw (ISO dates, integer đồng, message ids) and are
// formatted here for the reader's language.
import { useEffect, useState } from "react";
import {
  formatDay as day, formatMoment as moment, formatMoney as money, formatMonth as month,
  label, labelCodes, limit, useLang, useT, useTn,
} from "./i18n.js";
import { QrCheck } from "./qr_check.jsx";
import * as engine from "./sync/engine.js";
import * as store from "./sync/store.js";
import { unlock } from "./sync/unlock.js";

// Dates, money and labels come from the formats Python uses too (locales/formats.py and
// locales/labels.py, compiled to i18n/formats.json): one source, the same text everywhere.

function parts(iso) {
  const [y, m, d] = String(iso).slice(0, 10).split("-");
  return { y, m, d };
}

function monthsBetween(from, to) {
  const a = parts(from);
  const b = parts(to);
  return (Number(b.y) - Number(a.y)) * 12 + Number(b.m) - Number(a.m) + 1;
}

const thisMonth = () => new Date().toISOString().slice(0, 7) + "-01";

export function duration(count, tn, lang) {
  const years = Math.floor(count / 12);
  const months = count % 12;
  const out = [];
  if (years) out.push(tn("{n} yr", "{n} yrs", years, { n: years }));
  if (months || !years) out.push(tn("{n} mo", "{n} mo", months, { n: months }));
  // As locales.format_months: Chinese and Japanese write "12年3个月" with no space.
  return out.join(lang === "zh" || lang === "ja" ? "" : " ");
}

// ---- data --------------------------------------------------------------------------------
/** Something read from the store, read again when the records or the queue change. */
function useStoreRead(read, key) {
  const [value, setValue] = useState(null);
  useEffect(() => {
    let live = true;
    const load = () => read().then((v) => live && setValue(v)).catch(() => null);
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
  }, [key]);
  return value;
}

const NOT_READ = { ready: false, items: [], locked: false };

/** Documents of one type from the store, kept fresh as sync brings changes. */
export function useDocs(type) {
  return useStoreRead(() => store.docs(type)
    .then((items) => ({ ready: true, items, locked: false }))
    .catch(() => store.locked().then((isLocked) => ({ ready: true, items: [], locked: isLocked }))),
  type) || NOT_READ;
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
function cardStatus(card, t, tn, lang) {
  const today = new Date().toISOString().slice(0, 10);
  const days = Math.round((Date.parse(card.valid_to) - Date.parse(today)) / 86400000);
  if (days < 0) return ["badge badge-warn", t("Expired on {day}. Renew your card.", { day: day(card.valid_to, lang) })];
  if (days <= 30) return ["badge badge-warn", tn("Expires in {days} day. Renew it soon.", "Expires in {days} days. Renew it soon.", days, { days })];
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
  const tn = useTn();
  const lang = useLang();
  const state = useDocs("card");
  const [view, setView] = useState("use");
  useEffect(() => {
    if (window.location.search.includes("view=image")) setView("image");
  }, []);
  const card = state.items.length ? state.items[0].doc : null;
  const status = card ? cardStatus(card, t, tn, lang) : null;
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
                <p className={status[0]}>{status[1]}</p>
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
              <Field label={t("Sex")} value={t(label("sex", card.sex))} />
              <Field label={t("Beneficiary group")} value={`${card.group_code} · ${t(label("beneficiary_groups", card.group_code))}`} />
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

// ---- medical history ------------------------------------------------------------------------
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

// ---- notices -------------------------------------------------------------------------------

function noticeText(n, t, lang) {
  const p = { ...n.params };
  if (p.day) p.day = day(p.day, lang);
  if (p.month) p.month = month(`${p.month}-01`.slice(0, 10), lang);
  if (p.amount !== undefined) p.amount = money(p.amount, lang);
  return t(label("notices", n.kind), p);
}

export function NoticesScreen() {
  const t = useT();
  const lang = useLang();
  const state = useDocs("notice");
  const items = state.items.sort((a, b) => (a.doc.created < b.doc.created ? 1 : -1));
  const markRead = (item) => engine.queue("notice.read", { notice_id: Number(item.id) },
    () => store.putDoc("notice", item.id, { ...item.doc, read: true }));
  return (
    <>
      <NeedsAttention types={["notice.read"]} />
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
    </>
  );
}

// ---- service-request drafts ----------------------------------------------------------------
const DRAFT_MAX = limit("draft_text");
const BLANK = { id: "", kind: "reissue_card", text: "", replaces: "" };
// Characters as the server counts them (code points, so an emoji is one).
const charCount = (text) => [...text].length;

/** Live count of the draft's characters, and what to do when there are too many. */
function DraftCounter({ text }) {
  const tn = useTn();
  const count = charCount(text);
  const over = count - DRAFT_MAX;
  return (
    <>
      <p className={over > 0 ? "small counter counter-over" : "small muted counter"} id="draft-count">
        {`${count} / ${DRAFT_MAX}`}</p>
      {over > 0 ? (
        <p className="alert alert-error" role="alert" id="draft-too-long">
          {tn("{n} character too many: shorten the text to at most {max} characters to save it.",
            "{n} characters too many: shorten the text to at most {max} characters to save it.",
            over, { n: over, max: DRAFT_MAX })}
        </p>
      ) : null}
    </>
  );
}

/** Changes the server refused, with its message: fix (edit) or discard each. Nothing is lost. */
function NeedsAttention({ types, onEdit }) {
  const t = useT();
  const refused = (useStoreRead(engine.needsAttention, "refused") || [])
    .filter((m) => types.includes(m.type));
  if (!refused.length) return null;
  const what = (m) => (m.type === "notice.read" ? t("Mark as read")
    : m.type === "draft.delete" ? t("Delete")
      : t(label("requests", m.data.kind)));
  return (
    <section className="panel attention" id="needs-attention" aria-labelledby="attention-title">
      <h2 className="section-title" id="attention-title">{t("Not sent: needs your attention")}</h2>
      <ul className="list">
        {refused.map((m) => (
          <li className="item" key={m.id}>
            <strong>{what(m)}</strong>
            {m.type === "draft.save" ? <p className="draft-text">{m.data.text.slice(0, 140)}</p> : null}
            <p className="alert alert-error" role="alert">{m.refused.message}</p>
            <div className="row-gap">
              {m.type === "draft.save" ? (
                <button type="button" className="btn btn-small" onClick={() => onEdit(m)}>{t("Edit")}</button>
              ) : null}
              <button type="button" className="btn btn-small" onClick={() => engine.discard(m.id)}>{t("Discard")}</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RequestsScreen() {
  const t = useT();
  const lang = useLang();
  const state = useDocs("draft");
  const [editing, setEditing] = useState(BLANK);
  const [note, setNote] = useState(null); // {ok: bool, text}: what became of the last save
  const tooLong = charCount(editing.text) > DRAFT_MAX;
  const save = async (event) => {
    event.preventDefault();
    if (tooLong || !editing.text.trim()) {
      setNote(tooLong ? null : { ok: false, text: t("Write the details of your request first.") });
      document.getElementById("draft-text").focus();
      return;
    }
    const id = editing.id || crypto.randomUUID();
    const doc = { kind: editing.kind, text: editing.text, updated: new Date().toISOString() };
    await engine.queue("draft.save", { draft_id: id, ...doc }, () => store.putDoc("draft", id, doc));
    if (editing.replaces) await engine.resolve(editing.replaces);
    setEditing(BLANK);
    setNote({ ok: true, text: t("Draft saved on this phone. It is sent when you are online.") });
  };
  const fix = (m) => {
    setNote(null);
    setEditing({ id: m.data.draft_id, kind: m.data.kind, text: m.data.text, replaces: m.id });
    document.getElementById("draft-text").focus();
  };
  const remove = (id) => engine.queue("draft.delete", { draft_id: id }, () => store.deleteDoc("draft", id));
  const drafts = state.items.sort((a, b) => (a.doc.updated < b.doc.updated ? 1 : -1));
  return (
    <>
      <NeedsAttention types={["draft.save", "draft.delete"]} onEdit={fix} />
      <form className="panel form" onSubmit={save} id="draft-form" noValidate>
        <h2 className="section-title">{t("New service request")}</h2>
        <label className="label" htmlFor="draft-kind">{t("What do you need?")}</label>
        <select id="draft-kind" className="input" value={editing.kind}
          onChange={(e) => setEditing({ ...editing, kind: e.target.value })}>
          {labelCodes("requests").map((kind) => <option key={kind} value={kind}>{t(label("requests", kind))}</option>)}
        </select>
        <label className="label" htmlFor="draft-text">{t("Details")}</label>
        <textarea id="draft-text" className="input" rows="4" required value={editing.text}
          aria-invalid={tooLong} aria-describedby="draft-count"
          onChange={(e) => setEditing({ ...editing, text: e.target.value })} />
        <DraftCounter text={editing.text} />
        <button type="submit" className="btn btn-primary">{t("Save draft")}</button>
        {note ? <p className={note.ok ? "alert alert-ok" : "alert alert-error"}
          role={note.ok ? "status" : "alert"} id="draft-note">{note.text}</p> : null}
      </form>
      <section className="panel">
        <h2 className="section-title">{t("Drafts")}</h2>
        {!drafts.length ? <p>{t("No drafts.")}</p> : (
          <ul className="list" id="draft-list">
            {drafts.map((d) => (
              <li className="item" key={d.id}>
                <div className="row-between"><strong>{t(label("requests", d.doc.kind))}</strong>
                  <span className="small muted">{moment(d.doc.updated, lang)}</span></div>
                <p className="draft-text">{d.doc.text}</p>
                <div className="row-gap">
                  <button type="button" className="btn btn-small" onClick={() => setEditing({ ...BLANK, id: d.id, kind: d.doc.kind, text: d.doc.text })}>{t("Edit")}</button>
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

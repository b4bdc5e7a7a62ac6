// What every offline screen shares: reading the encrypted store that the sync loop fills
// (sync/browser), the sync agent, the offline banner, the passkey unlock and the wait.
// Values come raw (ISO dates, integer đồng, message ids); dates, money and labels come from
// the formats Python uses too (locales/formats.py and labels.py, compiled to
// i18n/formats.json): one source, the same text everywhere.
import { useEffect, useState } from "react";
import { formatMoment as moment, useLang, useT } from "../i18n.js";
import * as engine from "../sync/engine.js";
import * as store from "../sync/store.js";
import { unlock } from "../sync/unlock.js";
import { markOpenedNotice } from "./notice_link.js";

function parts(iso) {
  const [y, m, d] = String(iso).slice(0, 10).split("-");
  return { y, m, d };
}

export function monthsBetween(from, to) {
  const a = parts(from);
  const b = parts(to);
  return (Number(b.y) - Number(a.y)) * 12 + Number(b.m) - Number(a.m) + 1;
}

export const thisMonth = () => new Date().toISOString().slice(0, 7) + "-01";

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
export function useStoreRead(read, key) {
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
    markOpenedNotice().catch(() => {});
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

export function Waiting({ state }) {
  const t = useT();
  if (state.locked) return <Unlock />;
  return <p className="hint" role="status">{t("Loading your records…")}</p>;
}

/** One labelled value of a record. */
export function Field({ label, value, id }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd id={id}>{value}</dd>
    </div>
  );
}

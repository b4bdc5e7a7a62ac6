// Sends the desk's recorded visits with the delta-sync push (POST /api/sync/push, mutation
// "visit.checkin"; sync/protocol.py), until the server acknowledges each one: at once when
// recorded, when the network comes back, and every 30 s while visits wait. Each mutation
// keeps its id across retries, so a push whose answer was lost is applied once on the
// server and only acknowledged again. A refused visit keeps the server's message.
import { deviceFetch } from "../device.js";
import * as store from "./desk_store.js";

const PERIOD_MS = 30000;
const BATCH = 50; // under the server's 200 per push
let running = null;
let started = false;
let serverVisits = [];
let state = { online: true, error: "" };

export const status = () => state;

function emit(patch) {
  state = { ...state, ...patch };
  store.changed();
}

// The staff account logged in at this desk (desk_header.jsx keeps it from /api/clinic/me).
function staffCode() {
  try {
    return (JSON.parse(window.localStorage.getItem("clinic-desk") || "null") || {}).staffCode || "";
  } catch (e) {
    return "";
  }
}

/** Record a visit: kept here at once, sent when possible. Returns the check-in id. */
export async function recordVisit({ code, name, reason, how, checkedOffline }) {
  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  const staff = staffCode();
  const mutation = { id: crypto.randomUUID(), type: "visit.checkin", data: {
    checkin_id: id, code, reason, at, checked_offline: Boolean(checkedOffline), how,
    ...(staff ? { staff_code: staff } : {}) } };
  await store.add({ id, at, code, name: name || "", reason, how,
    checked_offline: Boolean(checkedOffline), mutation });
  syncNow();
  return id;
}

async function pushWaiting() {
  // A desk shared by staff sends each visit under the account that recorded it.
  const staff = staffCode();
  const waiting = (await store.list()).filter((v) => v.status === "waiting"
    && (!v.mutation.data.staff_code || !staff || v.mutation.data.staff_code === staff));
  for (let i = 0; i < waiting.length; i += BATCH) {
    const batch = waiting.slice(i, i + BATCH);
    const response = await deviceFetch("/api/sync/push", {
      method: "POST", body: JSON.stringify({ mutations: batch.map((v) => v.mutation) }) });
    if (!response.ok) throw new Error(`push ${response.status}`);
    const answer = await response.json();
    const byMutation = new Map(batch.map((v) => [v.mutation.id, v.id]));
    for (const id of answer.acked) if (byMutation.has(id)) await store.sent(byMutation.get(id));
    for (const r of answer.rejected) {
      if (byMutation.has(r.id)) await store.refused(byMutation.get(r.id), r.error, r.message);
    }
  }
}

async function fetchToday() {
  const response = await deviceFetch("/api/clinic/visits");
  if (response.ok) serverVisits = (await response.json()).visits || [];
}

/** One round: send what waits, then read today's list of the facility. */
export function syncNow() {
  if (running) return running;
  running = (async () => {
    if (!navigator.onLine) {
      emit({ online: false });
      return;
    }
    try {
      await pushWaiting();
      await fetchToday();
      emit({ online: true, error: "" });
    } catch (e) {
      // Unreachable or refused: everything stays queued; the next round tries again.
      emit({ online: navigator.onLine, error: String((e && e.message) || e) });
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

/** Today's visits: this desk's (waiting, refused, sent) and the facility's others the
 * server listed, newest first. */
export async function todaysVisits() {
  const today = store.localDay();
  const mine = (await store.list()).filter((v) => v.status !== "sent" || v.day === today
    || store.localDay(v.at) === today);
  const ids = new Set(mine.map((v) => v.id));
  const others = serverVisits.filter((v) => !ids.has(v.id)).map((v) => ({
    id: v.id, status: "sent", at: v.at, code: v.code, name: v.full_name, reason: v.reason,
    how: v.how, checked_offline: v.checked_offline, elsewhere: !v.mine }));
  return [...mine, ...others].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** Start the loop once per page load. */
export function start() {
  if (started) return;
  started = true;
  store.prune().catch(() => null);
  window.addEventListener("online", () => syncNow());
  window.addEventListener("offline", () => emit({ online: false }));
  setInterval(() => {
    store.list().then((all) => {
      if (all.some((v) => v.status === "waiting")) syncNow();
    }).catch(() => null);
  }, PERIOD_MS);
  syncNow();
}

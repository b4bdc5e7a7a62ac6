// The sync loop: push queued mutations, then pull changes after the cursor, page by page.
// Runs on app open, when the network comes back, and every minute while the app is visible.
// Protocol: sync/protocol.py and the README ("Delta sync").
import { deviceFetch, wipeLocalData } from "../device.js";
import * as store from "./store.js";

const PERIOD_MS = 60000;
const listeners = new Set();
let status = { state: "idle", lastSync: null, online: true, error: "" };
let running = null;
let again = false; // syncNow was called while a round ran: run one more after it
let started = false;

function emit(patch) {
  status = { ...status, ...patch };
  listeners.forEach((fn) => fn(status));
}

export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function currentStatus() {
  return status;
}

async function signedOut(response) {
  // The account moved to another device or this device was signed out: wipe and say why.
  let body = {};
  try {
    body = await response.clone().json();
  } catch (e) {
    /* not JSON */
  }
  if (body.error === "moved" || body.error === "signed_out") {
    await wipeLocalData();
    window.location.assign(`/login?${body.error}=1`);
    return true;
  }
  if (body.error === "device_key_lost") {
    // The browser dropped this phone's key (site data cleared) while the page still counts as
    // proven: nothing can sync any more, so say why on the login screen, not "offline".
    // (The page may already be there: the server's own check of the tab sends it too.)
    if (!window.location.pathname.startsWith("/login")) window.location.assign("/login?foreign=1");
    return true;
  }
  return false;
}

// Changes per push: under the server's cap (200), and under its 1 MB body limit: a batch
// closes at BATCH_BYTES of JSON (a request with two photos is ~800 KB; a draft at most 12 KB).
const BATCH = 50;
const BATCH_BYTES = 256 * 1024;

async function push() {
  const pending = await store.outbox.list();
  let batch = [];
  let bytes = 0;
  for (const mutation of pending) {
    const size = JSON.stringify(mutation).length;
    if (batch.length && (batch.length >= BATCH || bytes + size > BATCH_BYTES)) {
      await pushBatch(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(mutation);
    bytes += size;
  }
  if (batch.length) await pushBatch(batch);
}

// The push body gzip-compressed (a batch of drafts shrinks ~8x on a slow mobile link), with
// `Content-Encoding: gzip`; the request proof hashes these compressed bytes, the ones sent.
// A browser without CompressionStream sends the JSON text, which the server takes as well.
async function pushRequest(value) {
  const text = JSON.stringify(value);
  if (typeof CompressionStream !== "function") return { method: "POST", body: text };
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  const body = new Uint8Array(await new Response(stream).arrayBuffer());
  return { method: "POST", body, headers: { "Content-Encoding": "gzip" } };
}

async function pushBatch(batch) {
  const response = await deviceFetch("/api/sync/push", await pushRequest({ mutations: batch }));
  if (!response.ok) {
    if (await signedOut(response)) throw new Error("signed out");
    throw new Error(`push ${response.status}`);
  }
  const answer = await response.json();
  // Acknowledged ones (applied now or before) leave the queue. Refused ones are kept with the
  // server's reason and message, for the person to fix or discard (see needsAttention).
  for (const id of answer.acked) await store.outbox.remove(id);
  for (const r of answer.rejected) {
    await store.outbox.refuse(r.id, { error: r.error, message: r.message });
  }
  if (answer.rejected.length) emit({});
}

async function pull() {
  let cursor = (await store.meta.get("cursor")) || "";
  for (;;) {
    const url = `/api/sync/pull?since=${encodeURIComponent(cursor)}&limit=500`;
    const response = await deviceFetch(url);
    if (!response.ok) {
      if (await signedOut(response)) throw new Error("signed out");
      throw new Error(`pull ${response.status}`);
    }
    const page = await response.json();
    if (page.changes.length || page.reset) await store.applyChanges(page.changes, page.reset);
    cursor = page.cursor;
    await store.meta.set("cursor", cursor);
    if (!page.has_more) return;
  }
}

/** One round of sync; concurrent calls share it, and a call that comes while a round runs
 * (a change queued after that round read the queue) gets one more round after it. */
export function syncNow() {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    if (!navigator.onLine) {
      emit({ state: "offline", online: false });
      return;
    }
    if (await store.locked()) {
      emit({ state: "locked" });
      return;
    }
    emit({ state: "syncing", online: true });
    try {
      await push();
      await pull();
      const now = new Date().toISOString();
      await store.meta.set("lastSync", now);
      emit({ state: "idle", lastSync: now, error: "" });
    } catch (e) {
      // Server unreachable or refusing: the phone keeps what it has and tries again later.
      emit({ state: "offline", online: navigator.onLine, error: String(e && e.message) });
    }
  })().finally(() => {
    running = null;
    if (again) {
      again = false;
      syncNow();
    }
  });
  return running;
}

/** Queue a change made on the phone (applied locally at once, sent when online). */
export async function queue(type, data, localEffect) {
  const mutation = { id: crypto.randomUUID(), type, data, queued: new Date().toISOString() };
  await store.outbox.add(mutation);
  if (localEffect) await localEffect();
  emit({});
  syncNow();
  return mutation.id;
}

/** Changes the server refused, with its message: shown until fixed or discarded. */
export function needsAttention() {
  return store.outbox.refused();
}

/**
 * Let go of a refused change. What the phone shows may then differ from the server (a
 * draft edited here, a notice marked read), so the next sync fetches everything again.
 */
export async function discard(id) {
  await store.outbox.discard(id);
  await store.meta.set("cursor", "");
  emit({});
  syncNow();
}

/** A refused change was replaced by a corrected one (already queued): forget it. */
export async function resolve(id) {
  await store.outbox.discard(id);
  emit({});
}

/** Start the loop once per page load. */
export async function start() {
  if (started) return;
  started = true;
  emit({ lastSync: (await store.meta.get("lastSync")) || null, online: navigator.onLine });
  window.addEventListener("online", () => syncNow());
  window.addEventListener("offline", () => emit({ state: "offline", online: false }));
  // A notice was just pushed to this phone (assets/sw_push.js): fetch it into the inbox now.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data && event.data.type === "notice-pushed") syncNow();
    });
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") syncNow();
  });
  setInterval(() => {
    if (document.visibilityState === "visible") syncNow();
  }, PERIOD_MS);
  syncNow();
}

// The clinic desk's own small outbox and list of today's visits: IndexedDB "clinic-desk".
//
// Why not the citizen's store (sync/browser/store.js)? That one holds one person's records,
// pulled from /api/sync/pull, under a key that may be derived from the citizen's passkey
// (PRF) and asks for their biometric; a desk pulls nothing, serves every patient of the day
// and must record a visit at once, offline, whoever is at the desk. So the desk keeps only
// what it recorded: each visit is one record, its details sealed with AES-GCM under a
// non-extractable key made on this device and kept in the same database (the file on disk
// holds no readable names or codes). A sent visit stays until the next day; one waiting or
// refused stays until it is sent or discarded. Signing out (or the account moving away)
// deletes the database with the other personal databases (device.js).
//
// A record: {id: checkin id, status: "waiting" | "sent" | "refused", day: "YYYY-MM-DD"
// (the desk's local day), at, box: sealed {mutation, code, name, reason, how,
// checked_offline, error?, message?}}.

import { database } from "../idb.js";

export const DB = "clinic-desk";
const VERSION = 1;
let keyPromise = null;
const listeners = new Set();
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function changed() {
  listeners.forEach((fn) => fn());
}

const { tx } = database(DB, VERSION, (db) => {
  db.createObjectStore("visits", { keyPath: "id" });
  db.createObjectStore("meta");
}, () => {
  keyPromise = null;
});

function run(store, mode, work) {
  return tx(store, mode, (t) => work(t.objectStore(store)));
}

function sealKey() {
  if (!keyPromise) {
    keyPromise = (async () => {
      const kept = await run("meta", "readonly", (s) => s.get("key"));
      if (kept) return kept;
      const key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false,
        ["encrypt", "decrypt"]);
      await run("meta", "readwrite", (s) => s.put(key, "key"));
      return key;
    })();
    keyPromise.catch(() => {
      keyPromise = null;
    });
  }
  return keyPromise;
}

async function seal(value) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await sealKey(),
    encoder.encode(JSON.stringify(value)));
  return { iv, data };
}

async function unseal(box) {
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: box.iv }, await sealKey(),
    box.data);
  return JSON.parse(decoder.decode(plain));
}

/** The desk's local day of an ISO time ("YYYY-MM-DD"). */
export function localDay(iso) {
  const d = iso ? new Date(iso) : new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function write(record, details) {
  const stored = { id: record.id, status: record.status, day: localDay(record.at),
    at: record.at, box: await seal(details) };
  await run("visits", "readwrite", (s) => s.put(stored));
}

/** Record a visit (waiting to be sent). */
export async function add(visit) {
  await write({ id: visit.id, status: "waiting", at: visit.at }, visit);
  changed();
}

/** Every visit kept here, opened, newest first: {id, status, at, ...details}. */
export async function list() {
  const rows = await run("visits", "readonly", (s) => s.getAll());
  const out = [];
  for (const row of rows) {
    try {
      out.push({ ...(await unseal(row.box)), id: row.id, status: row.status, at: row.at });
    } catch (e) {
      /* sealed under a key this database no longer has: skip */
    }
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

async function update(id, status, extra = {}) {
  const rows = await list();
  const row = rows.find((r) => r.id === id);
  if (!row) return;
  const { status: _old, ...details } = row;
  await write({ id, status, at: row.at }, { ...details, ...extra });
}

/** The server acknowledged the visit (now or before). */
export const sent = (id) => update(id, "sent", { error: "", message: "" });

/** The server refused it, with its reason and message (shown until discarded). */
export const refused = (id, error, message) => update(id, "refused", { error, message });

/** Let go of a refused visit. */
export async function discard(id) {
  await run("visits", "readwrite", (s) => s.delete(id));
  changed();
}

/** Forget sent visits of earlier days (waiting and refused ones stay). */
export async function prune() {
  const today = localDay();
  const rows = await run("visits", "readonly", (s) => s.getAll());
  const old = rows.filter((r) => r.status === "sent" && r.day !== today).map((r) => r.id);
  if (old.length) await run("visits", "readwrite", (s) => old.forEach((id) => s.delete(id)));
}

// The phone's store: IndexedDB "wallet-data", every record encrypted with AES-GCM under a
// non-extractable WebCrypto key. By default the key is made once and kept (as a CryptoKey
// object, which IndexedDB stores without ever exposing its bytes). Where the passkey supports
// the WebAuthn PRF extension, the key is instead derived from the passkey's PRF output, so the
// data opens only after the phone's biometric; it then lives in memory only.

import { database } from "../idb.js";

const DB = "wallet-data";
const VERSION = 1;

let memoryKey = null; // the PRF-derived key, after unlock
// Bumped whenever what the screens read changes (records written, deleted, unlocked), so
// they re-read and decrypt only then, not on every status change of the sync loop.
let revisionCount = 0;
export const revision = () => revisionCount;

// Writes and the switch to the PRF key run one at a time, so a sync that is applying a page
// can never write records under the old key after they were re-encrypted under the new one.
let chain = Promise.resolve();
function exclusive(work) {
  const run = chain.then(work, work);
  chain = run.catch(() => {});
  return run;
}
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const { tx } = database(DB, VERSION, (db) => {
  db.createObjectStore("docs");
  db.createObjectStore("meta");
  db.createObjectStore("outbox");
}, () => {
  // Another tab (or a wipe) deleted the database: its key goes with it.
  storedKeyPromise = null;
});

function request(store, method, ...args) {
  return tx([store], method === "get" ? "readonly" : "readwrite",
    (t) => t.objectStore(store)[method](...args));
}

export const meta = {
  get: (key) => request("meta", "get", key),
  set: (key, value) => request("meta", "put", value, key),
};

// ---- the data key ------------------------------------------------------------------------
// PRF mode (meta "prf" = the passkey's credential id): the key is derived with HKDF from the
// passkey's PRF output, which only the authenticator can compute, after the biometric. The
// output is kept for the tab's session (sessionStorage) so a reload does not ask again;
// closing the app forgets it, and the next open asks for the passkey (offline too).
const SESSION_SECRET = "wallet-prf";
const CHECK = "prf-check";

async function keyFromPrf(secret) {
  const material = await crypto.subtle.importKey("raw", secret, "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32),
      info: encoder.encode("wallet-data AES-GCM v1") },
    material, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

function toB64(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

function fromB64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** Does this key open the records? (a sealed check value, written when PRF mode began) */
async function opens(key) {
  const check = await meta.get(CHECK);
  if (!check) return true;
  try {
    return (await unseal(check, key)) === "ok";
  } catch (e) {
    return false;
  }
}

async function restoreSessionKey() {
  let saved = null;
  try {
    saved = sessionStorage.getItem(SESSION_SECRET);
  } catch (e) {
    /* storage blocked */
  }
  if (!saved) return null;
  const key = await keyFromPrf(fromB64(saved));
  if (await opens(key)) return key;
  sessionStorage.removeItem(SESSION_SECRET);
  return null;
}

/** The passkey credential id the records are locked to, or null (device-key mode). */
export async function prfCredential() {
  return (await meta.get("prf")) || null;
}

/** True when the records need the passkey before they open. */
export async function locked() {
  if (memoryKey || !(await prfCredential())) return false;
  memoryKey = await restoreSessionKey();
  return !memoryKey;
}

async function dataKey() {
  if (memoryKey) return memoryKey;
  if (await prfCredential()) {
    memoryKey = await restoreSessionKey();
    if (!memoryKey) throw new Error("locked");
    return memoryKey;
  }
  return storedKey();
}

// The device-mode key, asked for once per page: two first callers at the same moment (the
// screen reading, the sync pushing) must not each make and store a key of their own.
let storedKeyPromise = null;
function storedKey() {
  if (!storedKeyPromise) {
    storedKeyPromise = (async () => {
      let key = await meta.get("key");
      if (!key) {
        key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false,
          ["encrypt", "decrypt"]);
        await meta.set("key", key);
      }
      return key;
    })().catch((e) => {
      storedKeyPromise = null;
      throw e;
    });
  }
  return storedKeyPromise;
}

/**
 * Use a passkey's PRF output as the records' key. The first time, every record is
 * re-encrypted under it and the stored device key is deleted; afterwards it unlocks.
 * Returns false when this passkey is not the one the records are locked to.
 */
export function usePrfSecret(secret, credentialId) {
  return exclusive(() => usePrfSecretNow(secret, credentialId));
}

async function usePrfSecretNow(secret, credentialId) {
  const key = await keyFromPrf(secret);
  const current = await prfCredential();
  if (current && current !== credentialId) return false;
  if (current) {
    if (!(await opens(key))) return false;
  } else {
    await rekey(key, credentialId);
  }
  memoryKey = key;
  revisionCount += 1; // the records can be read now
  try {
    sessionStorage.setItem(SESSION_SECRET, toB64(secret));
  } catch (e) {
    /* storage blocked: the key stays in memory for this page only */
  }
  return true;
}

export async function seal(value, key) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key || await dataKey(),
    encoder.encode(JSON.stringify(value)));
  return { iv, ct };
}

export async function unseal(box, key) {
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: box.iv },
    key || await dataKey(), box.ct);
  return JSON.parse(decoder.decode(plain));
}

/** Apply pulled changes; a reset replaces every document. */
export function applyChanges(changes, reset) {
  return exclusive(() => applyChangesNow(changes, reset));
}

async function applyChangesNow(changes, reset) {
  const key = await dataKey();
  const sealed = [];
  let summary; // undefined: unchanged; null: the card is gone
  for (const c of changes) {
    sealed.push([c, c.op === "put" ? await seal(c.doc, key) : null]);
    if (c.type === "card") summary = c.op === "put" ? await seal(cardSummary(c.doc), key) : null;
  }
  if (reset && summary === undefined) summary = null;
  await tx(["docs", "meta"], "readwrite", (t) => {
    const store = t.objectStore("docs");
    if (reset) store.clear();
    for (const [c, box] of sealed) {
      const id = `${c.type}:${c.id}`;
      if (box) store.put(box, id);
      else store.delete(id);
    }
    if (summary) t.objectStore("meta").put(summary, CARD_SUMMARY);
    else if (summary === null) t.objectStore("meta").delete(CARD_SUMMARY);
  });
  if (sealed.length || reset) revisionCount += 1;
}

/** Every document of a type: [{id, doc}], decrypted. */
export async function docs(type) {
  const key = await dataKey();
  const found = await entries("docs", IDBKeyRange.bound(`${type}:`, `${type}:\uffff`));
  const out = [];
  for (const [id, box] of found) {
    out.push({ id: id.slice(type.length + 1), doc: await unseal(box, key) });
  }
  if (type === "card" && out.length) keepSummary(out[0].doc).catch(() => null);
  return out;
}

// ---- the card's early paint ---------------------------------------------------------------
// assets/card_boot.js paints the card before the app has loaded. The card document is large
// (its printable image alone is some 80 kB, which the browser keeps in a file of its own and
// reads slowly on a cold start), so what the early paint shows is also kept, sealed like
// every record, as a small summary written in the same transaction as the card.
const CARD_SUMMARY = "card-summary";
const SUMMARY_FIELDS = ["number", "full_name", "valid_to", "qr_text", "qr_svg", "photo"];

function cardSummary(card) {
  return Object.fromEntries(SUMMARY_FIELDS.map((name) => [name, card[name]]));
}

// A store synced before summaries were written gets one the first time the card is read.
function keepSummary(card) {
  return exclusive(async () => {
    if (await meta.get(CARD_SUMMARY) || await prfCredential()) return;
    await meta.set(CARD_SUMMARY, await seal(cardSummary(card)));
  });
}

/**
 * For the card's early paint: {card, cred}, the card's summary (the card itself where no
 * summary was written yet) and the live credential, decrypted, read with the key and the
 * lock in one transaction. Null when the records are locked to a passkey or no key was
 * made yet: this never makes a key (the app does that, once) and never asks for the passkey.
 * `given`: those records as the service worker already read them for this page
 * (assets/sw-routes.js, readCard: the same four, sealed), instead of reading them here.
 */
export async function peekCard(given) {
  const read = given || await tx(["meta", "docs"], "readonly", (t) => {
    const get = (store, id) => t.objectStore(store).get(id);
    const found = { prf: get("meta", "prf"), key: get("meta", "key"),
      summary: get("meta", CARD_SUMMARY), cred: get("docs", "credential:1") };
    return { get result() { return Object.fromEntries(Object.entries(found).map(([k, r]) => [k, r.result])); } };
  });
  if (read.prf || !read.key) return null;
  const summary = read.summary || await request("docs", "get", "card:1");
  performance.mark("boot:store-read");
  if (!summary) return null;
  const [card, cred] = await Promise.all([unseal(summary, read.key),
    read.cred ? unseal(read.cred, read.key) : null]);
  performance.mark("boot:decrypt");
  return { card, cred };
}

/** [key, value] pairs of a store, read in one transaction (keys and values line up). */
function entries(store, range) {
  return tx([store], "readonly", (t) => {
    const keys = t.objectStore(store).getAllKeys(range);
    const values = t.objectStore(store).getAll(range);
    return { get result() { return keys.result.map((k, i) => [k, values.result[i]]); } };
  });
}

export function putDoc(type, id, doc) {
  return exclusive(async () => {
    await request("docs", "put", await seal(doc), `${type}:${id}`);
    revisionCount += 1;
  });
}

export async function deleteDoc(type, id) {
  await request("docs", "delete", `${type}:${id}`);
  revisionCount += 1;
}

async function outboxEntries() {
  const key = await dataKey();
  return Promise.all((await entries("outbox")).map(([, box]) => unseal(box, key)));
}

// Queued changes. One the server refused stays here, marked `refused: {error, message, at}`
// (the message in the reader's language), until the person fixes or discards it: nothing
// typed on the phone is lost, and it is re-encrypted with the rest when the key changes.
export const outbox = {
  add: (mutation) => exclusive(async () =>
    request("outbox", "put", await seal(mutation), mutation.id)),
  /** Changes still to send. */
  list: async () => (await outboxEntries()).filter((m) => !m.refused),
  /** Changes the server refused, newest first. */
  refused: async () => (await outboxEntries()).filter((m) => m.refused)
    .sort((a, b) => (a.refused.at < b.refused.at ? 1 : -1)),
  refuse: (id, why) => exclusive(async () => {
    const box = await request("outbox", "get", id);
    if (!box) return;
    const mutation = { ...(await unseal(box)), refused: { ...why, at: new Date().toISOString() } };
    await request("outbox", "put", await seal(mutation), id);
    revisionCount += 1;
  }),
  remove: (id) => request("outbox", "delete", id),
  /** Drop a refused change the person chose not to keep. */
  discard: (id) => exclusive(async () => {
    await request("outbox", "delete", id);
    revisionCount += 1;
  }),
};

/**
 * Re-encrypt everything under the passkey's key and lock the records to that passkey. All is
 * sealed in memory first and written in one transaction with the check value, the lock and
 * the removal of the device key: a tab closed half-way leaves the old state, never a mix.
 */
async function rekey(newKey, credentialId) {
  const oldKey = await storedKey();
  const rewritten = {};
  for (const store of ["docs", "outbox"]) {
    rewritten[store] = [];
    for (const [id, box] of await entries(store)) {
      rewritten[store].push([id, await seal(await unseal(box, oldKey), newKey)]);
    }
  }
  const check = await seal("ok", newKey);
  await tx(["docs", "outbox", "meta"], "readwrite", (t) => {
    for (const store of ["docs", "outbox"]) {
      for (const [id, box] of rewritten[store]) t.objectStore(store).put(box, id);
    }
    t.objectStore("meta").put(check, CHECK);
    t.objectStore("meta").put(credentialId, "prf");
    t.objectStore("meta").delete("key");
    // Sealed under the key just deleted; the early paint does not run on locked records.
    t.objectStore("meta").delete(CARD_SUMMARY);
  });
  storedKeyPromise = null;
}

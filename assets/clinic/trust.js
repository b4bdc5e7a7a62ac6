// What a clinic device trusts, kept for offline checks: the issuer keys (card_qr.js keeps
// them in localStorage) and the card revocation list, pulled with the delta-sync message of
// GET /api/revocations (reset: the list packed; then deltas) and checked against the
// issuer's signature over the whole list before it is used (docs/qr-format.md). The list
// is public data (8-byte hashes), so it lives in its own IndexedDB database, not in the
// encrypted personal store.
import { checkHead, issuerKeys } from "../card_qr.js";
import { database } from "../idb.js";

const DB = "wallet-trust";
const KEY = "revocations";
const EMPTY = { cursor: "", entries: [], head: null, checkedAt: 0 };

const { tx } = database(DB, 1, (db) => db.createObjectStore("state"));

function read() {
  return tx("state", "readonly", (t) => t.objectStore("state").get(KEY))
    .then((state) => state || EMPTY, () => EMPTY);
}

function write(state) {
  return tx("state", "readwrite", (t) => t.objectStore("state").put(state, KEY));
}

function unpack(b64) {
  const bytes = atob(b64);
  const out = [];
  for (let i = 0; i < bytes.length; i += 8) {
    let h = "";
    for (let j = i; j < i + 8; j += 1) h += bytes.charCodeAt(j).toString(16).padStart(2, "0");
    out.push(h);
  }
  return out;
}

async function pull(cursor) {
  const response = await fetch(`/api/revocations?since=${encodeURIComponent(cursor)}`,
    { credentials: "omit" });
  if (!response.ok) throw new Error(`revocations ${response.status}`);
  return response.json();
}

let syncing = null;

/**
 * Bring the revocation list up to date when online: deltas after the cursor held, the whole
 * list when there is none or when a delta does not give the list the issuer signed.
 * Resolves to {count, fresh} (fresh: it was checked against the server just now).
 */
export function syncRevocations() {
  if (syncing) return syncing;
  syncing = (async () => {
    const held = await read();
    const keys = await issuerKeys();
    for (const start of [held.cursor, ""]) {
      let entries = new Set(start ? held.entries : []);
      let cursor = start;
      let answer;
      do {
        answer = await pull(cursor);
        if (answer.reset) entries = new Set(answer.changes.length ? unpack(answer.changes[0].doc.entries) : []);
        else {
          for (const c of answer.changes) {
            if (c.op === "put") entries.add(c.id);
            else entries.delete(c.id);
          }
        }
        cursor = answer.cursor;
      } while (answer.has_more);
      if (await checkHead(answer.head, Array.from(entries), keys)) {
        const state = { cursor, entries: Array.from(entries), head: answer.head, checkedAt: Date.now() };
        await write(state);
        return { count: state.entries.length, fresh: true };
      }
    }
    return { count: held.entries.length, fresh: false };  // the server's list did not check out
  })().catch(() => read().then((s) => ({ count: s.entries.length, fresh: false })))
    .finally(() => { syncing = null; });
  return syncing;
}

/** The trust a verdict is made with: {keys, revoked: Set of hex entries, checkedAt}. */
export async function loadTrust(keys) {
  const held = await read().catch(() => EMPTY);
  return { keys: keys || await issuerKeys(), revoked: new Set(held.entries), checkedAt: held.checkedAt };
}



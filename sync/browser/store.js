// The phone's store: IndexedDB "wallet-data", every record encrypted with AES-GCM under a
// non-extractable WebCrypto key. By default the key is made once and kept (as a CryptoKey
// object, which IndexedDB stores without ever exposing its bytes). Where the passkey supports
// the WebAuthn PRF extension, the key is instead derived from the passkey's PRF output, so the
// data opens only after the phone's biometric; it then lives in memory only.

const DB = "wallet-data";
const VERSION = 1;

let dbPromise = null;
let memoryKey = null; // the PRF-derived key, after unlock

function open() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore("docs");
        db.createObjectStore("meta");
        db.createObjectStore("outbox");
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab (or a wipe) deletes the database: let go of it.
        db.onversionchange = () => {
          db.close();
          dbPromise = null;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error("store blocked"));
    });
  }
  return dbPromise;
}

async function tx(stores, mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const t = db.transaction(stores, mode);
    const result = work(t);
    t.oncomplete = () => resolve(result && "result" in result ? result.result : result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });
}

function request(store, method, ...args) {
  return tx([store], method === "get" || method === "getAll" || method === "getAllKeys"
    ? "readonly" : "readwrite", (t) => t.objectStore(store)[method](...args));
}

export const meta = {
  get: (key) => request("meta", "get", key),
  set: (key, value) => request("meta", "put", value, key),
};

/** Use a key derived from the passkey's PRF output (see device_ui.jsx). */
export function useDerivedKey(key) {
  memoryKey = key;
}

export async function locked() {
  return Boolean(await meta.get("prf")) && !memoryKey;
}

async function dataKey() {
  if (memoryKey) return memoryKey;
  if (await meta.get("prf")) throw new Error("locked");
  let key = await meta.get("key");
  if (!key) {
    key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false,
      ["encrypt", "decrypt"]);
    await meta.set("key", key);
  }
  return key;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

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
export async function applyChanges(changes, reset) {
  const key = await dataKey();
  const sealed = [];
  for (const c of changes) {
    sealed.push([c, c.op === "put" ? await seal(c.doc, key) : null]);
  }
  await tx(["docs"], "readwrite", (t) => {
    const store = t.objectStore("docs");
    if (reset) store.clear();
    for (const [c, box] of sealed) {
      const id = `${c.type}:${c.id}`;
      if (box) store.put(box, id);
      else store.delete(id);
    }
  });
}

/** Every document of a type: [{id, doc}], decrypted. */
export async function docs(type) {
  const key = await dataKey();
  const range = IDBKeyRange.bound(`${type}:`, `${type}:\uffff`);
  const [keys, boxes] = await Promise.all([
    request("docs", "getAllKeys", range), request("docs", "getAll", range)]);
  const out = [];
  for (let i = 0; i < keys.length; i += 1) {
    out.push({ id: keys[i].slice(type.length + 1), doc: await unseal(boxes[i], key) });
  }
  return out;
}

export async function putDoc(type, id, doc) {
  const box = await seal(doc);
  await request("docs", "put", box, `${type}:${id}`);
}

export async function deleteDoc(type, id) {
  await request("docs", "delete", `${type}:${id}`);
}

export const outbox = {
  async add(mutation) {
    await request("outbox", "put", await seal(mutation), mutation.id);
  },
  async list() {
    const key = await dataKey();
    const boxes = await request("outbox", "getAll");
    return Promise.all(boxes.map((box) => unseal(box, key)));
  },
  remove: (id) => request("outbox", "delete", id),
};

/** Re-encrypt everything under a new key (switching to the PRF-derived key). */
export async function rekey(newKey) {
  const oldKey = await dataKey();
  for (const store of ["docs", "outbox"]) {
    const [keys, boxes] = await Promise.all([request(store, "getAllKeys"),
      request(store, "getAll")]);
    for (let i = 0; i < keys.length; i += 1) {
      const box = await seal(await unseal(boxes[i], oldKey), newKey);
      await request(store, "put", box, keys[i]);
    }
  }
  memoryKey = newKey;
  await tx(["meta"], "readwrite", (t) => t.objectStore("meta").delete("key"));
}

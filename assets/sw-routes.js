// Imported by the generated service worker (tools/build-sw.mjs) before Workbox's routes.
// Offline, a page must open from the precache whatever form its URL takes ("/card",
// "/card/", "/card/?view=image"), and look-ups must ignore the Vary header that Reflex's
// server sets on static files. Only same-origin GETs of the app shell are answered here;
// the API, the websocket and everything else go to the network untouched. A request for
// the card page also has the card's records read for its early paint (see readCard).
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (/^\/(api|_event|_upload|ping|_health)(\/|$)/.test(url.pathname)) return;
  const candidates = [];
  if (request.mode === "navigate" && CARD_PAGE.test(url.pathname)
    && !url.search.includes("view=image") && event.resultingClientId) {
    const id = event.resultingClientId; // the page this request makes (see readCard below)
    cardReads.set(id, Promise.all([readCard(), readDeviceKey()])
      .then(([records, device]) => records && { ...records, device }));
    setTimeout(() => cardReads.delete(id), 10000);
  }
  if (request.mode === "navigate") {
    const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
    candidates.push(`${path}index.html`, url.pathname);
  } else {
    candidates.push(url.pathname);
  }
  event.respondWith((async () => {
    for (const candidate of candidates) {
      const hit = await cached(candidate);
      if (hit) return hit;
    }
    return fetch(request);
  })());
});

// Each precached path's exact cache key (sw-keys.js, written by tools/build-sw.mjs): an exact
// match is an index look-up, where `ignoreSearch` scans every entry of every cache. A path
// not listed (or a worker without the list) is looked up as before.
const KEYS = self.PRECACHE_KEYS || {};

function cached(path) {
  const key = KEYS[path];
  return key ? caches.match(key, { ignoreVary: true })
    .then((hit) => hit || caches.match(path, { ignoreSearch: true, ignoreVary: true }))
    : caches.match(path, { ignoreSearch: true, ignoreVary: true });
}

// The card's early paint (assets/card_boot.js) paints from the store before the app has
// loaded. Offline on a cold start, the page's own IndexedDB requests are answered only after
// its first layout, a long task on a slow phone; this worker is idle meanwhile. So as it
// answers a request for the card page it reads what the early paint needs, in one readonly
// transaction (the records exactly as stored: sealed; the key as the CryptoKey the store
// keeps, which cannot be exported), and gives it to that page, and that page only, when it
// asks (assets/card_read.js); whatever is not asked for within ten seconds is dropped. It
// never creates or upgrades the database, and lets go of it at once. The device key, which
// signs the live code, comes along (readDeviceKey): the page's own first IndexedDB answer,
// for it alone, cost a main-thread task right where the card was about to be painted.
const cardReads = new Map(); // the id of the page's client -> promise of the records
const CARD_PAGE = /^\/card(\/|\.html)?$/;

/** Read from the IndexedDB database `name` in one readonly transaction over `stores`, creating
 * and upgrading nothing, and let go of it at once: `read(transaction)` asks for what it needs
 * and returns a function that makes the answer once the transaction is complete. Null when
 * there is no such database or store, or the read fails. */
function readOnce(name, stores, read) {
  return new Promise((resolve) => {
    if (!self.indexedDB) return resolve(null);
    const opening = indexedDB.open(name);
    opening.onupgradeneeded = () => opening.transaction.abort(); // none yet: create nothing
    opening.onerror = () => resolve(null);
    opening.onsuccess = () => {
      const db = opening.result;
      db.onversionchange = () => db.close();
      const done = (value) => {
        db.close();
        resolve(value);
      };
      try {
        const t = db.transaction(stores, "readonly");
        const answer = read(t);
        t.oncomplete = () => done(answer());
        t.onabort = () => done(null);
      } catch (e) {
        done(null); // no such stores: an empty database
      }
    };
  });
}

/** The card's records as sync/browser/store.js peekCard reads them (sealed as stored). */
function readCard() {
  return readOnce("wallet-data", ["meta", "docs"], (t) => {
    const get = (store, id) => t.objectStore(store).get(id);
    const found = { prf: get("meta", "prf"), key: get("meta", "key"),
      summary: get("meta", "card-summary"), cred: get("docs", "credential:1") };
    return () => Object.fromEntries(Object.entries(found).map(([k, r]) => [k, r.result]));
  });
}

/** This device's key as assets/device.js keeps it ({privateKey, jwk}; the private key is a
 * CryptoKey that cannot be exported), or null. */
function readDeviceKey() {
  return readOnce("wallet-device", "keys", (t) => {
    const get = t.objectStore("keys").get("device");
    return () => get.result || null;
  });
}

self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "card-read" || !event.ports[0]) return;
  const id = event.source && event.source.id;
  const read = cardReads.get(id) || Promise.resolve(null);
  cardReads.delete(id);
  event.waitUntil(read.then((found) => event.ports[0].postMessage(found)));
});

// This device's key: an ECDSA P-256 key pair made with WebCrypto, private part
// non-extractable, kept in IndexedDB. Its public JWK is registered when the account is bound
// to this device (SMS code); afterwards every request proves the device by a signature
// (api/auth/device_keys.py has the formats). A copied session cookie is useless without it.

const DB_NAME = "wallet-device";
const STORE = "keys";
// Databases that hold personal data; wiped on sign-out or when the account moves away.
export const PERSONAL_DATABASES = [DB_NAME, "wallet-data", "clinic-desk"];

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function idb(mode, action) {
  return openDb().then(
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = action(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request.result);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error);
        };
      }),
  );
}

export function b64url(bytes) {
  let text = "";
  new Uint8Array(bytes).forEach((b) => {
    text += String.fromCharCode(b);
  });
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromB64url(text) {
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

let cached = null;
let making = null;

/** Takes this device's key as read elsewhere ({privateKey, jwk}: the service worker reads it
 * with the card for the card's early paint, assets/card_read.js), so that this page need not
 * open the key store for it; ignored once the page has a key. */
export function knownDeviceKey(entry) {
  if (!cached && entry && entry.privateKey && entry.jwk) cached = entry;
}

/** The device key ({privateKey, jwk}); made and stored on first use unless create=false. */
export async function deviceKey(create = true) {
  if (cached) return cached;
  if (!create) {
    const entry = await idb("readonly", (store) => store.get("device"));
    if (entry) cached = entry;
    return entry || null;
  }
  // Components of one page ask at once on a first visit: one key is made, and all get it.
  making = making || loadOrMake().finally(() => {
    making = null;
  });
  return making;
}

async function loadOrMake() {
  let entry = await idb("readonly", (store) => store.get("device"));
  if (!entry) {
    const pair = await crypto.subtle.generateKey(
      { name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    const { kty, crv, x, y } = await crypto.subtle.exportKey("jwk", pair.publicKey);
    const made = { privateKey: pair.privateKey, jwk: { kty, crv, x, y } };
    try {
      // add(), not put(): another tab (or another copy of this module) that stored a key
      // first keeps it, and this one uses that key too; two keys would mean the server
      // binds one while the page signs with the other.
      await idb("readwrite", (store) => store.add(made, "device"));
      entry = made;
    } catch (e) {
      entry = await idb("readonly", (store) => store.get("device"));
    }
  }
  cached = entry || null;
  return cached;
}

/** Signature (raw r||s, base64url) of a text or bytes with the device key. */
export async function deviceSign(data) {
  const key = await deviceKey(false);
  if (!key) return "";
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const sig = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key.privateKey, bytes);
  return b64url(sig);
}

// Request proofs after DPoP (RFC 9449): a compact ES256 JWS per request, single use (jti),
// bound to the method, path and the SHA-256 of the body, carrying the server's latest nonce
// and a time in the server's clock. Formats and rules: api/auth/request_proofs.py.
const NONCE_KEY = "wallet-proof-nonce";
let proofNonce = null; // { nonce, offset }: the server's nonce and server-minus-phone seconds

function textBytes(text) {
  return new TextEncoder().encode(text);
}

function b64urlJson(value) {
  return b64url(textBytes(JSON.stringify(value)));
}

const stampOf = (nonce) => Number(String(nonce).split(".")[0]) || 0;

function nonceState() {
  if (!proofNonce) {
    try {
      proofNonce = JSON.parse(sessionStorage.getItem(NONCE_KEY) || "null");
    } catch (e) {
      proofNonce = null;
    }
  }
  // The page itself came with one (a cookie, gone after 5 minutes), saving the first
  // request of an app open a round trip; the newest nonce wins.
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("wallet_nonce="));
  const fromPage = cookie ? decodeURIComponent(cookie.slice("wallet_nonce=".length)) : "";
  if (fromPage && stampOf(fromPage) > stampOf(proofNonce ? proofNonce.nonce : "")) {
    rememberNonce(fromPage);
  }
  return proofNonce || { nonce: "", offset: 0 };
}

/** Remember the nonce a server answer carries, and the clock offset it reveals. */
export function learnNonce(response) {
  const nonce = response.headers.get("Device-Nonce");
  if (!nonce) return;
  rememberNonce(nonce);
  // An answer's nonce is seconds old at most, so its offset is the phone clock's error; the
  // page cookie's may be minutes old and is not kept. The live card QR stamps its time with
  // this even offline, after a restart (a clinic refuses codes over two minutes old).
  try {
    localStorage.setItem(CLOCK_KEY, String(proofNonce.offset));
  } catch (e) {
    /* storage blocked: the phone's own clock is used */
  }
}

const CLOCK_KEY = "wallet-clock-offset";

/** Unix seconds on the server's clock, as far as this phone learned it. */
export function serverNow() {
  const offset = Number(localStorage.getItem(CLOCK_KEY)) || 0;
  return Math.floor(Date.now() / 1000) + (Math.abs(offset) < 86400 ? offset : 0);
}

function rememberNonce(nonce) {
  proofNonce = { nonce, offset: Math.round(stampOf(nonce) - Date.now() / 1000) };
  try {
    sessionStorage.setItem(NONCE_KEY, JSON.stringify(proofNonce));
  } catch (e) {
    /* storage blocked: the nonce lives in memory only */
  }
}

/** The Device-Proof header value for a request with this body (a string or nothing). */
export async function proofFor(method, url, body = "") {
  const target = new URL(url, window.location.href);
  const { nonce, offset } = nonceState();
  // The hash covers the exact bytes sent: text as UTF-8, a compressed body (bytes) as is.
  const bytes = typeof body === "string" || !body ? textBytes(body || "") : body;
  const bodyHash = await crypto.subtle.digest("SHA-256", bytes);
  const claims = {
    jti: b64url(crypto.getRandomValues(new Uint8Array(16))),
    htm: method.toUpperCase(), htu: `${target.pathname}${target.search}`,
    iat: Math.floor(Date.now() / 1000) + offset, nonce, bh: b64url(bodyHash),
  };
  const signed = `${b64urlJson({ alg: "ES256", typ: "dpop+jwt" })}.${b64urlJson(claims)}`;
  return `${signed}.${await deviceSign(signed)}`;
}

/** fetch() with the device proof; same-origin JSON helpers. Without a device key (the
 * browser cleared its saved data) nothing is sent: the server could only refuse, and would
 * list the attempt as a foreign session in the owner's security events. A first request
 * (no server nonce yet) or a phone clock far off is answered with a nonce and the server's
 * time, and retried once. */
export async function deviceFetch(url, options = {}) {
  if (!(await deviceKey(false))) {
    return new Response(JSON.stringify({ error: "device_key_lost" }), {
      status: 401, headers: { "Content-Type": "application/json" } });
  }
  const method = (options.method || "GET").toUpperCase();
  const send = async () => {
    const headers = new Headers(options.headers || {});
    headers.set("Device-Proof", await proofFor(method, url, options.body));
    if (options.body && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
    const response = await fetch(url, { ...options, method, headers, credentials: "same-origin" });
    learnNonce(response);
    return response;
  };
  const first = await send();
  if (first.status !== 401) return first;
  let reason = "";
  try {
    reason = (await first.clone().json()).error;
  } catch (e) {
    /* not JSON */
  }
  return reason === "proof_nonce" || reason === "proof_clock" ? send() : first;
}

/** "Chrome on Android" and the like, for the devices list. */
export function deviceName() {
  const ua = navigator.userAgent || "";
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS"
    : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS"
      : /Linux/.test(ua) ? "Linux" : "";
  const browser = /Edg\//.test(ua) ? "Edge" : /SamsungBrowser/.test(ua) ? "Samsung Internet"
    : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chrome"
      : /Safari\//.test(ua) ? "Safari" : "Browser";
  return os ? `${browser} · ${os}` : browser;
}

function dropDatabase(name) {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

// A phone logged out or moved away shows no more notices: the server has dropped its push
// subscription (api/push/subscriptions.py), and the browser forgets it too.
async function dropPushSubscription() {
  try {
    const reg = "serviceWorker" in navigator && await navigator.serviceWorker.getRegistration("/");
    const sub = reg && reg.pushManager && await reg.pushManager.getSubscription();
    if (sub) await sub.unsubscribe();
  } catch (e) {
    /* nothing to drop */
  }
}

/** Log out: cached records go, the device key stays (this phone is still the bound one,
 * so a passkey or an SMS code logs in again without moving the account). */
export async function wipeRecords() {
  forgetUnlock();
  await Promise.all([dropDatabase("wallet-data"), dropPushSubscription()]);
}

// The passkey-derived secret of the records, kept for the tab's session (sync/browser/store.js).
function forgetUnlock() {
  try {
    sessionStorage.removeItem("wallet-prf");
  } catch (e) {
    /* storage blocked */
  }
}

/** Delete the personal data kept on this device (device key, cached records). */
export async function wipeLocalData() {
  cached = null;
  forgetUnlock();
  await Promise.all([...PERSONAL_DATABASES.map(dropDatabase), dropPushSubscription()]);
  try {
    Object.keys(localStorage).filter((k) => k !== "lang").forEach((k) => localStorage.removeItem(k));
  } catch (e) {
    /* storage blocked */
  }
}

// This device's key: an ECDSA P-256 key pair made with WebCrypto, private part
// non-extractable, kept in IndexedDB. Its public JWK is registered when the account is bound
// to this device (SMS code); afterwards every request proves the device by a signature
// (api/auth/device_keys.py has the formats). A copied session cookie is useless without it.

const DB_NAME = "wallet-device";
const STORE = "keys";
// Databases that hold personal data; wiped on sign-out or when the account moves away.
export const PERSONAL_DATABASES = [DB_NAME, "wallet-data"];

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
        tx.onerror = () => reject(tx.error);
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

/** The device key ({privateKey, jwk}); made and stored on first use unless create=false. */
export async function deviceKey(create = true) {
  if (cached) return cached;
  let entry = await idb("readonly", (store) => store.get("device"));
  if (!entry && create) {
    const pair = await crypto.subtle.generateKey(
      { name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    const { kty, crv, x, y } = await crypto.subtle.exportKey("jwk", pair.publicKey);
    entry = { privateKey: pair.privateKey, jwk: { kty, crv, x, y } };
    await idb("readwrite", (store) => store.put(entry, "device"));
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

/** The Device-Proof header value for a request. */
export async function proofFor(method, url) {
  const target = new URL(url, window.location.href);
  const stamp = Math.floor(Date.now() / 1000);
  const sig = await deviceSign(`${method.toUpperCase()} ${target.pathname}${target.search} ${stamp}`);
  return `${stamp}.${sig}`;
}

/** fetch() with the device proof; same-origin JSON helpers. */
export async function deviceFetch(url, options = {}) {
  const method = (options.method || "GET").toUpperCase();
  const headers = new Headers(options.headers || {});
  headers.set("Device-Proof", await proofFor(method, url));
  if (options.body && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  return fetch(url, { ...options, method, headers, credentials: "same-origin" });
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

/** Log out: cached records go, the device key stays (this phone is still the bound one,
 * so a passkey or an SMS code logs in again without moving the account). */
export async function wipeRecords() {
  forgetUnlock();
  await dropDatabase("wallet-data");
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
  await Promise.all(PERSONAL_DATABASES.map(dropDatabase));
  try {
    Object.keys(localStorage).filter((k) => k !== "lang").forEach((k) => localStorage.removeItem(k));
  } catch (e) {
    /* storage blocked */
  }
}
